import type { Person } from '../../../schemas/config.js';
import type { LoopInterview, Role } from '../../../schemas/role.js';
import { HandoffError } from '../../errors.js';

/** One packet to render: an interview, and the interviewers it is for. */
export interface PacketTarget {
  interview: LoopInterview;
  /** Person ids the packet is addressed to: the one --interviewer, or everyone on the interview. */
  readers: string[];
  /** Set when the packet was asked for one interviewer (--interviewer). */
  reader: string | undefined;
}

export interface SelectOptions {
  interview?: string | undefined;
  interviewer?: string | undefined;
}

/**
 * Chooses which interviews get a packet: --interview, --interviewer, both, or by default every
 * interview of the candidate's current stage. Refuses with the valid choices listed.
 */
export function selectInterviews(
  role: Role,
  rolePath: string,
  candidateStage: string,
  options: SelectOptions,
  people: ReadonlyMap<string, Person>,
): PacketTarget[] {
  if (role.loop.length === 0) {
    throw new HandoffError(
      'invalid-document',
      `the role "${role.id}" has no interview loop, so there is no interview to brief`,
      {
        file: rolePath,
        fix: `Add the interviews under "loop:" in ${rolePath}; "handoff lint" lists what the role checklist still needs.`,
      },
    );
  }
  const describeInterview = (interview: LoopInterview) =>
    `${interview.id}: ${interview.title} (stage ${interview.stage}; ${interview.interviewers.join(', ') || 'no interviewers'})`;

  let interviews = role.loop;
  if (options.interview !== undefined) {
    const chosen = role.loop.find((interview) => interview.id === options.interview);
    if (!chosen) {
      throw new HandoffError('not-found', `the role "${role.id}" has no interview "${options.interview}"`, {
        file: rolePath,
        details: [
          'Interviews of the loop:',
          ...role.loop.map((interview) => `  ${describeInterview(interview)}`),
        ],
        fix: 'Pass one of these ids to --interview.',
      });
    }
    interviews = [chosen];
  }

  if (options.interviewer !== undefined) {
    const person = options.interviewer;
    const theirs = interviews.filter((interview) => interview.interviewers.includes(person));
    if (theirs.length === 0) {
      const scope = options.interview !== undefined ? interviews : role.loop;
      const names = [...new Set(scope.flatMap((interview) => interview.interviewers))];
      const who = people.get(person)?.name ?? person;
      const where =
        options.interview !== undefined ? `the interview "${options.interview}"` : `the loop of "${role.id}"`;
      throw new HandoffError('not-found', `${who} (${person}) is not an interviewer on ${where}`, {
        file: rolePath,
        details: [
          'Interviewers:',
          ...names.map((id) => {
            const on = scope
              .filter((interview) => interview.interviewers.includes(id))
              .map((interview) => interview.id);
            return `  ${id}${people.get(id) ? ` (${people.get(id)!.name})` : ''}: ${on.join(', ')}`;
          }),
        ],
        fix: 'Pass one of these person ids to --interviewer.',
      });
    }
    return theirs.map((interview) => ({ interview, readers: [person], reader: person }));
  }

  if (options.interview === undefined) {
    interviews = role.loop.filter((interview) => interview.stage === candidateStage);
    if (interviews.length === 0) {
      throw new HandoffError(
        'not-found',
        `the loop of "${role.id}" has no interview at the candidate's stage "${candidateStage}"`,
        {
          details: [
            'Interviews of the loop:',
            ...role.loop.map((interview) => `  ${describeInterview(interview)}`),
          ],
          fix: 'Pass --interview <id> (or --interviewer <person-id>) to choose the packet.',
        },
      );
    }
  }
  return interviews.map((interview) => ({
    interview,
    readers: [...interview.interviewers],
    reader: undefined,
  }));
}
