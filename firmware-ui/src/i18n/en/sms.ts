export const en = {
  's.none': 'No messages.',
  's.from': 'From {n}',
  's.to': 'To {n}',
  's.delete': 'Delete',
  's.send': 'Send a text',
  's.number': 'Number',
  's.text': 'Message',
  's.sent': 'Sent.',
};
