export const en = {
  'signal.intro': 'Turn or move the antenna slowly, then wait a few seconds at each position: the figures follow within a second or two. Keep the position where RSRP and SINR are highest.',
  'signal.band.excellent': 'excellent',
  'signal.band.good': 'good',
  'signal.band.fair': 'fair',
  'signal.band.poor': 'poor',
  'signal.trend.better': '▲ better than 10 s ago',
  'signal.trend.worse': '▼ worse than 10 s ago',
  'signal.trend.same': 'same as 10 s ago',
  'signal.spark': '{name}, last two minutes',
};
