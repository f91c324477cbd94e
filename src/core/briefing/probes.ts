import type { Role } from '../../../schemas/role.js';

/** One expectation an interview should probe, and the focus competencies that tie it to the interview. */
export interface ProbeAssignment {
  expectationId: string;
  competencyIds: string[];
}

/**
 * Assigns each role expectation to the interviews whose focus competencies speak to it. The explicit
 * link comes first, as the stage gate reads it (src/core/gates.ts): an interview probes an expectation
 * whose id is one of its focus competencies or question competencies. Expectations without such a
 * link are matched by the words they share with each interview's focus competencies (name, rubric
 * anchors, the interview's questions for them), each shared word weighted by how often the interview
 * uses it and how few interviews do (tf-idf), so a word every interview uses decides little. Such an
 * expectation goes to the best-scoring interview(s); one that shares no word is assigned nowhere
 * (the caller decides what to do with it).
 */
export function assignExpectations(role: Role): Map<string, ProbeAssignment[]> {
  const competencies = new Map(role.competencies.map((competency) => [competency.id, competency]));
  const interviews = role.loop.map((interview) => {
    const byCompetency = new Map<string, Map<string, number>>();
    for (const id of interview.focus) {
      const competency = competencies.get(id);
      const texts = [
        competency?.name ?? id,
        ...Object.values(competency?.rubric ?? {}),
        ...interview.questions
          .filter((question) => question.competency === id)
          .map((question) => question.text),
      ];
      byCompetency.set(id, wordCounts(texts.join(' ')));
    }
    const counts = new Map<string, number>();
    for (const words of byCompetency.values()) {
      for (const [word, count] of words) counts.set(word, (counts.get(word) ?? 0) + count);
    }
    return { id: interview.id, byCompetency, counts };
  });
  const documentFrequency = (word: string) =>
    interviews.filter((interview) => interview.counts.has(word)).length;

  const result = new Map<string, ProbeAssignment[]>(role.loop.map((interview) => [interview.id, []]));
  for (const expectation of role.expectations) {
    const linked = role.loop.filter(
      (interview) =>
        interview.focus.includes(expectation.id) ||
        interview.questions.some((question) => question.competency === expectation.id),
    );
    if (linked.length > 0) {
      for (const interview of linked) {
        result.get(interview.id)!.push({ expectationId: expectation.id, competencyIds: [expectation.id] });
      }
      continue;
    }
    const wanted = [...keywords(`${expectation.outcome} ${expectation.id.replace(/-/g, ' ')}`)];
    const weight = new Map(
      wanted.map((word) => [word, Math.log((interviews.length + 1) / Math.max(1, documentFrequency(word)))]),
    );
    const scored = interviews.map((interview) => ({
      interview,
      score: wanted.reduce((sum, word) => sum + (interview.counts.get(word) ?? 0) * weight.get(word)!, 0),
    }));
    const best = Math.max(0, ...scored.map((entry) => entry.score));
    if (best === 0) continue;
    for (const { interview, score } of scored) {
      if (Math.abs(score - best) > 1e-9) continue;
      const competencyIds = [...interview.byCompetency]
        .filter(([, words]) => wanted.some((word) => words.has(word)))
        .map(([id]) => id);
      result.get(interview.id)!.push({ expectationId: expectation.id, competencyIds });
    }
  }
  return result;
}

const STOPWORDS = new Set(
  (
    'about after also because before being between both does doing done each every first from have having into ' +
    'including itself later least month months more most once only other others over quarter second should some ' +
    'than that their them then there these they third this those through time under until when where which while ' +
    'with within without would year years week weeks days team teams work works able given shows show '
  )
    .trim()
    .split(/\s+/),
);

function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of keywordList(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Content words, compared by their first five letters so that "designs" meets "design" and "reviews" meets "reviewing". */
export function keywords(text: string): Set<string> {
  return new Set(keywordList(text));
}

function keywordList(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 4 && !STOPWORDS.has(word) && !/^\d+$/.test(word))
    .map((word) => word.slice(0, 5));
}
