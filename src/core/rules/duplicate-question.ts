import type { Memo } from '../../../schemas/memo.js';
import type { Role } from '../../../schemas/role.js';
import { paths } from '../layout.js';
import type { Rule, RuleContext } from '../lint/types.js';
import { findPhrase, isPlaceholderValue, maskNonProse, wordTokens } from '../prose.js';
import type { Loaded } from '../workspace.js';
import { judged, valueAt } from './support.js';

/** Two questions whose word sets overlap this much (Jaccard) ask the same thing. */
export const SIMILARITY_THRESHOLD = 0.8;

/** Lower-cased words with a plural or third-person "s" taken off, so "designs" meets "design". */
function normalisedWords(text: string): string[] {
  return wordTokens(text).map(({ word }) =>
    word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word,
  );
}

export function similarity(a: string, b: string): number {
  const left = new Set(normalisedWords(a));
  const right = new Set(normalisedWords(b));
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared);
}

const TOPIC_FILLERS = new Set(
  'a an the and or of about for to in on with their your his her its candidate s'.split(' '),
);

/** The meaningful words of a topic: a question is about it when it uses all of them. */
function topicWords(topic: string): string[] {
  return normalisedWords(topic).filter((word) => !TOPIC_FILLERS.has(word));
}

/** True when a question is about a topic: every meaningful word of the topic appears in it. */
export function asksAbout(question: string, topic: string): boolean {
  const words = new Set(normalisedWords(question));
  const wanted = topicWords(topic);
  return wanted.length > 0 && wanted.every((word) => words.has(word));
}

const questionWords = new WeakMap<object, Set<string>>();

/** A question's normalised words, once per question. */
function wordsOf(question: { text: string }): Set<string> {
  let words = questionWords.get(question);
  if (!words) {
    words = new Set(normalisedWords(question.text));
    questionWords.set(question, words);
  }
  return words;
}

function checkLoop(context: RuleContext, document: Loaded<Role>, role: Role): void {
  const questions = role.loop.flatMap((interview, interviewIndex) =>
    interview.questions.map((question, questionIndex) => ({
      interview,
      question,
      path: `loop.${interviewIndex}.questions.${questionIndex}.text`,
    })),
  );
  questions.forEach((later, laterIndex) => {
    // Questions still at their template placeholder are the placeholder rule's; they all read alike.
    if (isPlaceholderValue(later.question.text)) return;
    for (const earlier of questions.slice(0, laterIndex)) {
      if (isPlaceholderValue(earlier.question.text)) continue;
      const score = similarity(earlier.question.text, later.question.text);
      if (score < SIMILARITY_THRESHOLD) continue;
      const where =
        earlier.interview === later.interview
          ? 'in the same interview'
          : `in interview "${earlier.interview.id}"`;
      context.report(
        document,
        valueAt(document, later.path),
        `question "${later.question.id}" is ${score === 1 ? 'the same as' : 'nearly the same as'} "${earlier.question.id}" ${where}; ask about something new or drop one`,
      );
      return;
    }
  });
}

/**
 * A topic the memo lists as already asked, which a loop interview still to come asks about again.
 * Reported on the memo (the candidate's document, owned by the recruiter who writes the handoff):
 * naming the question id in the memo's body (for example in "## Cautions": "skip hm-3") tells the
 * interviewer to leave it out and settles the finding.
 */
function checkAlreadyAsked(context: RuleContext, document: Loaded<Memo>, memo: Memo): void {
  const folder = context.workspace.candidates.get(document.location.candidateId!);
  const profile = folder?.profile?.value;
  const roleDocument = profile ? context.workspace.roles.get(profile.role) : undefined;
  const role = roleDocument?.value;
  if (!profile || !role) return;
  const currentOrder = context.workspace.stageOrder.get(profile.stage) ?? 0;
  const held = new Set(folder!.feedback.map((feedback) => feedback.location.interviewId));
  let body: string | undefined;

  memo.already_asked.forEach((topic, topicIndex) => {
    const wanted = topicWords(topic);
    if (wanted.length === 0) return;
    for (const interview of role.loop) {
      const order = context.workspace.stageOrder.get(interview.stage);
      if (order === undefined || order < currentOrder || held.has(interview.id)) continue;
      for (const question of interview.questions) {
        const words = wordsOf(question);
        if (!wanted.every((word) => words.has(word))) continue;
        body ??= maskNonProse(document.body);
        if (findPhrase(body, question.id).length > 0) continue;
        context.report(
          document,
          valueAt(document, `already_asked.${topicIndex}`),
          `this topic was already asked, but question "${question.id}" of interview "${interview.id}" (${paths.role(role.id)}) asks about it again; tell the interviewer to skip it by naming "${question.id}" under "## Cautions", or change the question in the role`,
        );
      }
    }
  });
}

export const rule: Rule = {
  meta: {
    id: 'duplicate-question',
    defaultSeverity: 'warning',
    description:
      'the same or nearly the same question in two interviews of a loop; a loop question on a topic the memo lists as already asked',
  },
  check(context) {
    for (const document of judged<Role>(context, 'role')) {
      if (document.value) checkLoop(context, document, document.value);
    }
    for (const document of judged<Memo>(context, 'memo')) {
      if (document.value) checkAlreadyAsked(context, document, document.value);
    }
  },
};
