export const en = {
  'sg.title': 'Signal',
  'sg.intro': 'Turn the antenna slowly and wait a few seconds at each position. Updated every second.',
  'sg.lost': 'No figures from the modem. Retrying…',
  'sg.band.excellent': 'excellent',
  'sg.band.good': 'good',
  'sg.band.fair': 'fair',
  'sg.band.poor': 'poor',
  'sg.better': '▲ better than 10 s ago',
  'sg.worse': '▼ worse than 10 s ago',
  'sg.same': 'same as 10 s ago',
  'sg.spark': '{name}, last two minutes',
};
