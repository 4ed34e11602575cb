import type { PageCheck } from './visit.ts';

/**
 * The callback form and the feedback survey are the pages with a React island (react-dom alone is
 * about 210 kB raw, shared by both, so a reader who opens both fetches it once). The 10 kB
 * JavaScript budget is for content pages; the forms work fully without their JavaScript, and their
 * own budget is stated, not hidden. It sits just above the 335.5 kB measured once both forms shared
 * their parts (FormParts: error summary, fields, zod/mini, react-hook-form; 330 kB before the survey),
 * so any regrowth of either island fails. The callback form's HTML is larger than a content
 * page's because hydration repeats the translated strings and safe times in the island's props (38 kB
 * in Panjabi and Bengali, whose letters take three bytes each).
 */
export const isFormPage = (path: string) => /\/(callback|feedback)\/$/.test(path);

export const budgets = {
  form: { htmlAndCss: 60_000, js: 338_000 },
  content: { total: 100_000, js: 10_000 },
};

/** The page is within its budget: 100 kB in all and 10 kB of JavaScript, or the form's own. */
export const withinBudget: PageCheck = async ({ path, weight }) => {
  const sizes = JSON.stringify(weight);
  if (isFormPage(path)) {
    return [
      ...(weight.html + weight.css > budgets.form.htmlAndCss ? [`form HTML+CSS over ${budgets.form.htmlAndCss} B: ${sizes}`] : []),
      ...(weight.js > budgets.form.js ? [`form JavaScript over ${budgets.form.js} B: ${sizes}`] : []),
    ];
  }
  const total = weight.html + weight.css + weight.js;
  return [
    ...(total > budgets.content.total ? [`over ${budgets.content.total} B in all: ${sizes}`] : []),
    ...(weight.js > budgets.content.js ? [`JavaScript over ${budgets.content.js} B: ${sizes}`] : []),
  ];
};
