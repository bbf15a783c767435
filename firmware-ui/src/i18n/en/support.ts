// How to reach the ISP (support.tsx).
export const en = {
  'support.provider': 'your internet provider',
  'support.call': 'Call {phone}',
  'support.hours': 'Open: {hours}',
};
