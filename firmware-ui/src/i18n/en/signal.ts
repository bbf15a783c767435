export const en = {
  'sg.band.excellent': 'excellent',
  'sg.band.good': 'good',
  'sg.band.fair': 'fair',
  'sg.band.poor': 'poor',
  'sg.trend.better': '▲ better than 10 s ago',
  'sg.trend.worse': '▼ worse than 10 s ago',
  'sg.trend.same': 'same as 10 s ago',
  'sg.spark': '{name}, last two minutes',
};
