import { Writable } from 'node:stream';
import { HandoffError } from '../errors.js';
import type { Io } from './io.js';

// The only module that imports @inquirer/prompts, and only when a question is asked: most runs ask none.

export interface PromptChoice {
  value: string;
  /** What the person sees; the value when left out. */
  name?: string;
  description?: string;
}

/** Returns a problem to show under the answer, or undefined when the answer is acceptable. */
export type AnswerCheck = (answer: string) => string | undefined;

export interface TextQuestion {
  message: string;
  default?: string | undefined;
  /** An empty answer is refused. */
  required?: boolean;
  check?: AnswerCheck | undefined;
}

export interface SelectQuestion {
  message: string;
  choices: PromptChoice[];
  default?: string | undefined;
}

export interface CheckboxQuestion {
  message: string;
  choices: PromptChoice[];
  /** At least one must be ticked. */
  required?: boolean;
  checked?: string[] | undefined;
}

/** Asks a person at a terminal. Cancelling (Ctrl+C) rejects with HandoffError 'cancelled'. */
export interface Prompter {
  text(question: TextQuestion): Promise<string>;
  select(question: SelectQuestion): Promise<string>;
  checkbox(question: CheckboxQuestion): Promise<string[]>;
}

/** Where the questions are read and written; @inquirer/prompts' process streams when left out. */
export interface PromptContext {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/** The prompt streams of an Io: its stdin and stdout when they are real streams. */
export function promptContextOf(io: Io): PromptContext {
  const context: PromptContext = { input: io.stdin };
  if (io.stdout instanceof Writable) context.output = io.stdout;
  return context;
}

/** Above this many choices a list is searched by typing rather than scrolled. */
const SEARCH_ABOVE = 12;

type Inquirer = typeof import('@inquirer/prompts');
let loaded: Promise<Inquirer> | undefined;
const inquirer = (): Promise<Inquirer> => {
  loaded ??= import('@inquirer/prompts');
  return loaded;
};

export function createPrompter(context: PromptContext = {}): Prompter {
  return {
    async text(question) {
      const { input } = await inquirer();
      const answer = await cancellable(
        input(
          {
            message: question.message,
            ...(question.default !== undefined ? { default: question.default } : {}),
            required: question.required ?? false,
            validate: (value: string) => question.check?.(value.trim()) ?? true,
          },
          context,
        ),
      );
      return answer.trim();
    },

    async select(question) {
      const prompts = await inquirer();
      const choices = question.choices.map((choice) => ({
        value: choice.value,
        name: choice.name ?? choice.value,
        ...(choice.description !== undefined ? { description: choice.description } : {}),
      }));
      if (choices.length > SEARCH_ABOVE) {
        return cancellable(
          prompts.search(
            {
              message: `${question.message} (type to filter)`,
              source: (term: string | undefined) => {
                const wanted = (term ?? '').toLowerCase();
                return choices.filter(
                  (choice) =>
                    choice.name.toLowerCase().includes(wanted) || choice.value.toLowerCase().includes(wanted),
                );
              },
              pageSize: SEARCH_ABOVE,
            },
            context,
          ),
        );
      }
      const preselected = choices.some((choice) => choice.value === question.default)
        ? question.default
        : undefined;
      return cancellable(
        prompts.select(
          {
            message: question.message,
            choices,
            loop: false,
            ...(preselected !== undefined ? { default: preselected } : {}),
          },
          context,
        ),
      );
    },

    async checkbox(question) {
      const { checkbox } = await inquirer();
      const checked = new Set(question.checked ?? []);
      return cancellable(
        checkbox(
          {
            message: question.message,
            choices: question.choices.map((choice) => ({
              value: choice.value,
              name: choice.name ?? choice.value,
              checked: checked.has(choice.value),
              ...(choice.description !== undefined ? { description: choice.description } : {}),
            })),
            required: question.required ?? false,
          },
          context,
        ),
      );
    },
  };
}

/** Ctrl+C (or a closed terminal) ends the prompt with ExitPromptError; it means "stop, change nothing". */
async function cancellable<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
      throw new HandoffError('cancelled', 'cancelled; nothing was written');
    }
    throw error;
  }
}
