/**
 * The monthly figures as a manager reads them: a plain-text table to paste into a committee paper,
 * CSV for a spreadsheet, or JSON for another system. Text and CSV share the same sections, so
 * they hold the same rows (the text leaves out the requests' or the feedback's when there were none).
 */
import type { MonthlyFigures } from './monthly-figures.ts';

/** One line of a section: a label, its value and, for counts of requests, their share. */
interface Row {
  label: string;
  value: number | null;
  percent?: number | null;
  /** Shown indented under the row before it. */
  sub?: true;
  /** The value is hours, shown to one decimal place (otherwise a whole count). */
  hours?: true;
}

interface Section {
  title: string;
  /** Heads the percent column when the rows have one. */
  withPercent?: true;
  rows: Row[];
}

/** The sections about the requests received, in the order they are printed. */
function requestSections(f: MonthlyFigures): Section[] {
  const { firstContact: fc, timeToFirstContact: t } = f;
  return [
    { title: 'Requests', rows: [{ label: 'Received', value: f.received }] },
    {
      title: 'First contact',
      withPercent: true,
      rows: [
        { label: 'On time (at or before the due-by)', value: fc.onTime.count, percent: fc.onTime.percent },
        { label: 'Late', value: fc.late.count, percent: fc.late.percent },
        { label: 'Not yet', value: fc.notYet.count, percent: fc.notYet.percent },
        { label: 'of which past the due-by', value: fc.notYetPastDue, sub: true },
      ],
    },
    {
      title: 'Time to first contact (working hours)',
      rows: [
        { label: 'Median', value: t.medianWorkingHours, hours: true },
        { label: '90th percentile', value: t.percentile90WorkingHours, hours: true },
        { label: 'Requests contacted', value: t.contacted },
      ],
    },
    {
      title: 'Attempts that did not reach the person, before first contact',
      rows: [
        { label: 'None', value: f.attemptsBeforeContact['0'] },
        { label: '1', value: f.attemptsBeforeContact['1'] },
        { label: '2', value: f.attemptsBeforeContact['2'] },
        { label: '3 or more', value: f.attemptsBeforeContact['3+'] },
      ],
    },
    {
      title: 'Outcomes (latest recorded)',
      rows: [
        { label: 'Contacted', value: f.outcomes.contacted },
        { label: 'Could not contact', value: f.outcomes['could-not-contact'] },
        { label: 'No outcome yet', value: f.outcomes['none-yet'] },
      ],
    },
    { title: 'Handovers', rows: [{ label: 'Handed over to case management', value: f.handedOver }] },
    {
      title: 'Share decisions',
      rows: [
        { label: 'Share', value: f.shareDecisions.share },
        { label: 'Do not share', value: f.shareDecisions['not-share'] },
      ],
    },
    { title: 'Language of the request', rows: f.languages.map((l) => ({ label: l.name, value: l.count })) },
    {
      title: 'Access needs',
      rows: [
        { label: 'Interpreter', value: f.accessNeeds.interpreter },
        { label: 'BSL', value: f.accessNeeds.bsl },
        { label: 'Relay UK', value: f.accessNeeds['relay-uk'] },
        { label: 'Easy Read', value: f.accessNeeds['easy-read'] },
        { label: 'None asked for', value: f.accessNeeds.none },
        { label: 'Not recorded', value: f.accessNeeds['not-recorded'] },
      ],
    },
  ];
}

/** The sections about the survivors' feedback received: each question as the survey asks it, every answer counted. */
function feedbackSections({ feedback: fb }: MonthlyFigures): Section[] {
  const scores = (counts: Record<'1' | '2' | '3' | '4' | '5', number>) => (['1', '2', '3', '4', '5'] as const).map((score) => ({ label: score, value: counts[score] }));
  return [
    { title: "Survivors' feedback", rows: [{ label: 'Responses', value: fb.responses }] },
    { title: 'Was it easy to ask us for help? (1 very hard, 5 very easy)', rows: scores(fb.easeOfAsking) },
    {
      title: 'Did we call you at a safe time?',
      rows: [
        { label: 'Yes', value: fb.calledSafely.yes },
        { label: 'No', value: fb.calledSafely.no },
        { label: 'Not called yet', value: fb.calledSafely['not-yet'] },
      ],
    },
    { title: 'Did you feel listened to? (1 not at all, 5 yes, fully)', rows: scores(fb.listenedTo) },
  ];
}

const asAtFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });

/** A number as the table shows it: whole counts as they are, hours and percentages to one decimal place, "-" for none. */
function shown(value: number | null | undefined, decimals: boolean): string {
  if (value === null || value === undefined) return '-';
  return decimals ? value.toFixed(1) : String(value);
}

/**
 * The plain-text table, leaving out the requests' or the feedback's sections when the month had
 * none (the notes open by saying so); a month with neither is those sentences under the heading.
 */
export function reportText(f: MonthlyFigures): string {
  const heading = [`Callback requests received in ${f.monthLabel}`, `As at ${asAtFormat.format(new Date(f.asAt))} UK time`, ''];
  const all = [...(f.received > 0 ? requestSections(f) : []), ...(f.feedback.responses > 0 ? feedbackSections(f) : [])];
  if (all.length === 0) return [...heading, ...f.notes.slice(0, 2)].join('\n');
  const labelWidth = Math.max(...all.flatMap((s) => s.rows.map((r) => r.label.length + (r.sub ? 4 : 2)))) + 2;
  const lines = [...heading];
  for (const section of all) {
    lines.push(section.withPercent ? `${section.title.padEnd(labelWidth)}${'Count'.padStart(8)}${'%'.padStart(8)}` : section.title);
    for (const row of section.rows) {
      const percent = row.percent === undefined ? '' : shown(row.percent, true).padStart(8);
      lines.push(`${(row.sub ? '    ' : '  ') + row.label}`.padEnd(labelWidth) + shown(row.value, row.hours ?? false).padStart(8) + percent);
    }
    lines.push('');
  }
  lines.push('Notes', ...f.notes.map((n) => `- ${n}`));
  return lines.join('\n');
}

/** A CSV field, quoted when it holds a comma, quote or line break. */
const csvField = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** CSV with one row per figure (section, measure, value, percent), then the notes. */
export function reportCsv(f: MonthlyFigures): string {
  const lines = [['month', 'section', 'measure', 'value', 'percent']];
  for (const section of [...requestSections(f), ...feedbackSections(f)]) {
    let parent = '';
    for (const row of section.rows) {
      // A sub-row names its parent, since a spreadsheet has no indentation to show it.
      const measure = row.sub ? `${parent}, ${row.label}` : (parent = row.label);
      lines.push([f.month, section.title, measure, row.value === null ? '' : String(row.value), row.percent == null ? '' : String(row.percent)]);
    }
  }
  for (const note of f.notes) lines.push([f.month, 'Notes', note, '', '']);
  return lines.map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The figures as JSON, indented for reading. */
export function reportJson(f: MonthlyFigures): string {
  return JSON.stringify(f, null, 2);
}
