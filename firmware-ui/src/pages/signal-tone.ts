// The meter's optional tone (off until the installer turns it on: browsers allow sound only
// after a tap anyway): a short beep each reading, its pitch rising with RSRP, so the installer
// can turn the antenna without looking: 220 Hz at -120 dBm up to 880 Hz at -70 dBm.
export type Tone = { play(rsrp: number | null): void; stop(): void };

export function tone(): Tone {
  const ctx = new AudioContext();
  return {
    play(rsrp) {
      if (rsrp == null) return;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      const level = Math.min(1, Math.max(0, (rsrp + 120) / 50));
      osc.frequency.value = 220 * 2 ** (level * 2);
      gain.gain.setValueAtTime(0.2, ctx.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 0.25);
      osc.connect(gain).connect(ctx.destination);
      osc.start();
      osc.stop(ctx.currentTime + 0.25);
    },
    stop() {
      void ctx.close();
    },
  };
}
