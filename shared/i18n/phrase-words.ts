/**
 * The config phrases' words ("学习率 0.1", "画像 3,000 枚") in a language, from its messages: the page's (through its
 * reactive `t`) and the desktop app's notifications (through `translate` for the app's language) say them alike.
 */
import type { PhraseWords } from '../config-phrase';
import type { MessageKey, MessageValues } from './translate';

/** `say` words a message; `count` writes a count (images, iterations, a batch) as the language writes numbers. */
export function phraseWords(
  say: (key: MessageKey, values?: MessageValues) => string,
  count: (text: string) => string,
): PhraseWords {
  return {
    learningRate: (value) => say('phrase.learningRate', { value }),
    batchSize: (value) => say('phrase.batchSize', { value: count(value) }),
    iterations: (value) => say('phrase.iterations', { value: count(value) }),
    trainSize: (value) => (value === null ? say('phrase.allImages') : say('phrase.images', { value: count(value) })),
    weightInit: (value) => say('phrase.weightInit', { value }),
    seed: (value) => say('phrase.seed', { value }),
    loss: (value) => (value === 'mse' ? say('phrase.mse') : say('phrase.crossEntropy')),
    gradient: (value) => (value === 'numerical' ? say('phrase.numerical') : say('phrase.analytic')),
  };
}

/** A count as `format` writes whole numbers ("3000" → "3,000"); anything else (a rate, "0.5") as it is. */
export function countWith(format: (value: number) => string): (text: string) => string {
  return (text) => {
    const value = Number(text);
    return Number.isInteger(value) ? format(value) : text;
  };
}
