export const en = {
  'sms.none': 'No messages.',
  'sms.from': 'From {n}',
  'sms.to': 'To {n}',
  'sms.delete': 'Delete',
  'sms.send': 'Send a text',
  'sms.number': 'Number',
  'sms.text': 'Message',
  'sms.sent': 'Sent.',
};
