/**
 * The plain counts of survivors' feedback, shared by both adapters: one row per day, question and
 * answer, so the monthly report reads numbers without opening anything sealed.
 */
import { calledSafelyAnswers, feedbackScores } from '../feedback/schema.ts';
import type { FeedbackCounts, NewFeedback } from './types.ts';

/** The scored questions, as stored in the counts' `question` column. */
export const scoredQuestions = ['easeOfAsking', 'calledSafely', 'listenedTo'] as const;

/** One row of counts for a span of days: how many gave `answer` to `question`. */
export interface CountRow {
  question: string;
  answer: string;
  total: number;
}

/** Each scored question of one feedback and its answer: the rows whose count goes up by one. */
export function countedAnswers(scores: NewFeedback['scores']): { question: string; answer: string }[] {
  return scoredQuestions.map((question) => ({ question, answer: scores[question] }));
}

/** Counts summed per question and answer, every answer present (0 when nobody gave it). */
export function feedbackCountsFrom(rows: readonly CountRow[]): FeedbackCounts {
  const zeros = <T extends string>(answers: readonly T[]) => Object.fromEntries(answers.map((a) => [a, 0])) as Record<T, number>;
  const counts: FeedbackCounts = {
    responses: 0,
    easeOfAsking: zeros(feedbackScores),
    calledSafely: zeros(calledSafelyAnswers),
    listenedTo: zeros(feedbackScores),
  };
  for (const { question, answer, total } of rows) {
    const tally = (counts as unknown as Record<string, Record<string, number> | undefined>)[question];
    if (tally && answer in tally) tally[answer] = Number(total);
  }
  // Every response answers the first question exactly once.
  counts.responses = Object.values(counts.easeOfAsking).reduce((sum, n) => sum + n, 0);
  return counts;
}
