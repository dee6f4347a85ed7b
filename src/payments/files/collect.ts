/** Joins a stream of text chunks into one string: for small files (returns, tests), never for a run's file. */
export async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}
