/** Configuration values in words, as legends, labels and group names say them ("lr 0.1", "784-50-10", "seed 7"). */

/** A config value as text: layers joined with dashes, an unset value (all training images) as "all". */
export function showConfigValue(value: unknown): string {
  return Array.isArray(value) ? value.join('-') : value === null || value === undefined ? 'all' : String(value);
}

/** A config field's value as a short phrase ("lr 0.1", "784-50-10", "seed 7"), as labels and subtitles say it. */
export function fieldPhrase(field: string, value: unknown): string {
  const text = showConfigValue(value);
  switch (field) {
    case 'learningRate':
      return `lr ${text}`;
    case 'batchSize':
      return `batch ${text}`;
    case 'iterations':
      return `${text} iterations`;
    case 'trainSize':
      return value === null || value === undefined ? 'all images' : `${text} images`;
    case 'weightInit':
      return `init ${text}`;
    case 'seed':
      return `seed ${text}`;
    case 'loss':
      return value === 'mse' ? 'mean squared error' : 'cross-entropy';
    case 'gradient':
      return `${text} gradient`;
    default:
      return text;
  }
}
