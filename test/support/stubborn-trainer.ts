/** A trainer process that starts, reports once, and then ignores every message, `stop` included. */
const send = process.send!.bind(process);
send({ type: 'ready' });
process.on('message', (message: { type?: string }) => {
  if (message.type === 'start') send({ type: 'progress', iterations: [0], losses: [2.3] });
});
setInterval(() => {}, 1000);

export {};
