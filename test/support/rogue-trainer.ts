/** A trainer process that breaks the protocol: malformed messages, one valid batch, then an exit without `done`. */
const send = process.send!.bind(process);
send({ type: 'ready' });
process.on('message', (message: { type?: string }) => {
  if (message.type !== 'start') return;
  send({ type: 'progress', iterations: [0], losses: ['not a number'] });
  send({ type: 'epoch', iteration: 0 });
  send({ type: 'progress', iterations: [0, 1], losses: [2.3, 2.25] });
  setTimeout(() => process.exit(3), 200);
});

export {};
