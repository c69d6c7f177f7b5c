/** Configuration values in words, as legends, labels and group names say them ("lr 0.1", "784-50-10", "seed 7"). */

/** A config value as text: layers joined with dashes, an unset value (all training images) as "all". */
export function showConfigValue(value: unknown): string {
  return Array.isArray(value) ? value.join('-') : value === null || value === undefined ? 'all' : String(value);
}

/** The words of the phrases, given the value as text: English here (the CLI's, run names'); the UI passes its language's. */
export interface PhraseWords {
  learningRate(text: string): string;
  batchSize(text: string): string;
  iterations(text: string): string;
  trainSize(text: string | null): string;
  weightInit(text: string): string;
  seed(text: string): string;
  loss(value: 'mse' | 'cross_entropy'): string;
  gradient(text: string): string;
}

export const ENGLISH_PHRASES: PhraseWords = {
  learningRate: (text) => `lr ${text}`,
  batchSize: (text) => `batch ${text}`,
  iterations: (text) => `${text} iterations`,
  trainSize: (text) => (text === null ? 'all images' : `${text} images`),
  weightInit: (text) => `init ${text}`,
  seed: (text) => `seed ${text}`,
  loss: (value) => (value === 'mse' ? 'mean squared error' : 'cross-entropy'),
  gradient: (text) => `${text} gradient`,
};

/** A config field's value as a short phrase ("lr 0.1", "784-50-10", "seed 7"), as labels and subtitles say it. */
export function fieldPhrase(field: string, value: unknown, words: PhraseWords = ENGLISH_PHRASES): string {
  const text = showConfigValue(value);
  switch (field) {
    case 'learningRate':
      return words.learningRate(text);
    case 'batchSize':
      return words.batchSize(text);
    case 'iterations':
      return words.iterations(text);
    case 'trainSize':
      return words.trainSize(value === null || value === undefined ? null : text);
    case 'weightInit':
      return words.weightInit(text);
    case 'seed':
      return words.seed(text);
    case 'loss':
      return words.loss(value === 'mse' ? 'mse' : 'cross_entropy');
    case 'gradient':
      return words.gradient(text);
    default:
      return text;
  }
}
