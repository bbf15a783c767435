// Reads server-sent events' data as JSON from a response body, running `step`
// (move the clock, tick) before each read.
type Json = Record<string, any>;

export async function readFrames(body: ReadableStream<Uint8Array>, count: number, step: () => Promise<void>): Promise<Json[]> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const frames: Json[] = [];
  let text = '';
  while (frames.length < count) {
    await step();
    const { value } = await reader.read();
    text += decoder.decode(value);
    let end: number;
    while ((end = text.indexOf('\n\n')) >= 0) {
      const event = text.slice(0, end);
      text = text.slice(end + 2);
      frames.push(JSON.parse(event.slice(event.indexOf('data: ') + 6)) as Json);
    }
  }
  await reader.cancel();
  return frames;
}
