// The cap banner (cap-banner.tsx): what is happening, until when, what to do.
export const en = {
  'cap.throttled': 'Your data for this period is used up: the internet is very slow (enough for messages, not video) until {date}.',
  'cap.blocked': 'Your data for this period is used up: the internet is stopped until {date}.',
  'cap.buyIntro': 'You can buy more data now; it lasts until the end of this period.',
  'cap.buy': 'Buy {size}',
  'cap.sure': 'Buy {size}? The operator charges it to the SIM card in the modem.',
  'cap.sure.price': 'Buy {size} for {price}? The operator charges it to the SIM card in the modem.',
  'cap.yes': 'Yes, buy {size}',
  'cap.no': 'Cancel',
  'cap.bought': '{size} bought and added: full speed is back.',
  'cap.pending': 'Asked the operator for {size}. It is added as soon as the operator confirms (usually within minutes).',
  'cap.add': 'Add {size}',
  'cap.added': 'Top-up added.',
  'cap.contact': 'For more data, contact {name}.',
};
