/** What the page may ask main to save: every format the UI exports, and nothing that names a path. */
import { describe, expect, it } from 'vitest';
import { saveFileSchema } from '../../shared/api';

describe('saveFileSchema', () => {
  it("accepts each format the UI exports, the compare view's PDF figure included", () => {
    const files = [
      { suggestedName: 'loss.png', mime: 'image/png', data: 'iVBORw0KGgo=', base64: true },
      { suggestedName: 'loss.svg', mime: 'image/svg+xml', data: '<svg/>', base64: false },
      { suggestedName: 'figure.pdf', mime: 'application/pdf', data: 'JVBERi0xLjM=', base64: true },
      { suggestedName: 'runs.csv', mime: 'text/csv', data: 'run,name\n', base64: false },
      { suggestedName: 'loss.json', mime: 'application/json', data: '{}', base64: false },
    ];
    for (const file of files) expect(saveFileSchema.safeParse(file).success, file.mime).toBe(true);
  });

  it('refuses other types and names with a path in them', () => {
    expect(saveFileSchema.safeParse({ suggestedName: 'a.html', mime: 'text/html', data: '', base64: false }).success).toBe(false);
    expect(saveFileSchema.safeParse({ suggestedName: '../a.csv', mime: 'text/csv', data: '', base64: false }).success).toBe(
      false,
    );
  });
});
