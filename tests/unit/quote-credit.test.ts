import {
  awaitsCreditDecision,
  creditToConfirm,
  type QuoteCreditFields,
} from '#shared/quote-credit';

const quote = (fields: Partial<QuoteCreditFields>): QuoteCreditFields => ({
  speaker: null,
  speakerRole: null,
  suggestedSpeaker: null,
  suggestedRole: null,
  speakerConfirmed: false,
  ...fields,
});

describe('who a quote is credited to (#shared/quote-credit)', () => {
  it("confirms the importer's suggestion when no editor credited anyone", () => {
    const suggested = quote({ suggestedSpeaker: 'Budi Santoso', suggestedRole: 'Kapolres' });
    expect(creditToConfirm(suggested)).toEqual({
      speaker: 'Budi Santoso',
      speakerRole: 'Kapolres',
    });
    expect(awaitsCreditDecision(suggested)).toBe(true);
    // A role alone is a credit too ("kata juru bicara dinas").
    expect(creditToConfirm(quote({ suggestedRole: 'Juru bicara' }))).toEqual({
      speaker: null,
      speakerRole: 'Juru bicara',
    });
  });

  it('confirms what an editor typed over the suggestion, which then awaits nothing', () => {
    const typed = quote({ speaker: 'Budi S.', suggestedSpeaker: 'Budi Santoso' });
    expect(creditToConfirm(typed)).toEqual({ speaker: 'Budi S.', speakerRole: null });
    expect(awaitsCreditDecision(typed)).toBe(false);
  });

  it('has nothing to confirm once an editor cleared the quote, or when nothing is named', () => {
    const cleared = quote({ speakerConfirmed: true, suggestedSpeaker: 'Pria' });
    expect(creditToConfirm(cleared)).toBeNull();
    expect(awaitsCreditDecision(cleared)).toBe(false);
    expect(creditToConfirm(quote({ suggestedSpeaker: '  ' }))).toBeNull();
    expect(awaitsCreditDecision(quote({}))).toBe(false);
  });
});
