import { aboveFloor, strengthOf } from '../../shared/baca-juga/strength';

const evidence = (coverage: number, sharedTags: string[] = []) => ({
  coverage,
  sharedTags,
});

describe('suggestion strength (one rule for the server and the manager)', () => {
  it('reads a match on two common words as weak, below the floor', () => {
    // "menjadi, besar": common in every story, so a sliver of the query's weight.
    const weak = evidence(0.04);
    expect(strengthOf(weak)).toBe('weak');
    expect(aboveFloor(weak)).toBe(false);
  });

  it('reads the words of one event, or a shared tag, as fair or strong', () => {
    expect(strengthOf(evidence(0.1))).toBe('fair');
    expect(strengthOf(evidence(0.02, ['Korea Utara']))).toBe('fair');
    expect(strengthOf(evidence(0.12, ['Korea Utara']))).toBe('strong');
    expect(strengthOf(evidence(0.25))).toBe('strong');
    expect(aboveFloor(evidence(0.02, ['Korea Utara']))).toBe(true);
  });

  it('has no band between its edges: just under a threshold is the band below', () => {
    expect(strengthOf(evidence(0.0999))).toBe('weak');
    expect(strengthOf(evidence(0.2499))).toBe('fair');
    expect(strengthOf(evidence(0.1199, ['x']))).toBe('fair');
  });
});
