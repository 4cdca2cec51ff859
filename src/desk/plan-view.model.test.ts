import { describe, expect, it } from 'vitest';
import { allowedDowntimePer30Days, isoDuration, minutesText, secondsText, targetView } from './plan-view.model.ts';

describe('target rendering', () => {
  it('writes minutes as hours and minutes, never days', () => {
    expect([15, 60, 90, 120, 480, 2880].map(minutesText)).toEqual(['15 min', '1 h', '1 h 30 min', '2 h', '8 h', '48 h']);
    expect([15, 60, 90, 2880].map(isoDuration)).toEqual(['PT15M', 'PT1H', 'PT1H30M', 'PT48H']);
  });

  it('renders next business day without a duration', () => {
    expect(targetView({ kind: 'next-business-day' })).toEqual({ kind: 'next-business-day', minutes: null, duration: null, text: 'next business day' });
    expect(targetView({ kind: 'minutes', minutes: 240 })).toEqual({ kind: 'minutes', minutes: 240, duration: 'PT4H', text: '4 h' });
  });

  it('states the downtime a guarantee allows in a 30-day month', () => {
    expect(allowedDowntimePer30Days(99.9)).toEqual({ seconds: 2592, text: '43 min 12 s' });
    expect(allowedDowntimePer30Days(99)).toEqual({ seconds: 25_920, text: '7 h 12 min' });
    expect(allowedDowntimePer30Days(95).text).toBe('1 d 12 h');
    expect(secondsText(0)).toBe('0 s');
  });
});
