import type { Lang, Register } from './types';

/** Why the answer is no: the seed's reasons, or the writer's own words. */
export type DeclineReason = 'workload' | 'goals' | 'timeline' | 'skills' | { text: string };

export interface ComposeInput {
  lang: Lang;
  /** German only; English has one form of address. */
  register: Exclude<Register, 'neutral'>;
  clientName: string;
  /** What the client asked for, as a noun phrase: "a logo redesign by Friday". */
  request: string;
  reason: DeclineReason;
  /** What can be offered instead: "a one-page summary". */
  offer: string;
  /** By when: "Thursday, 10 am". */
  when: string;
}

const REASONS: Record<Lang, Record<'sie' | 'du', Record<Exclude<DeclineReason, { text: string }>, string>>> = {
  en: {
    sie: {
      workload: 'My schedule is fully booked right now, and I want to give every project the care it deserves.',
      goals: 'It sits outside the focus I have chosen for my business, because I only take on work I can deliver at my best.',
      timeline: 'The timeline is too tight to do this properly, and I want the result to hold up.',
      skills: 'This is outside my expertise, and you deserve a specialist for it.',
    },
    du: {
      workload: 'My schedule is fully booked right now, and I want to give every project the care it deserves.',
      goals: 'It sits outside the focus I have chosen for my business, because I only take on work I can deliver at my best.',
      timeline: 'The timeline is too tight to do this properly, and I want the result to hold up.',
      skills: 'This is outside my expertise, and you deserve a specialist for it.',
    },
  },
  de: {
    sie: {
      workload: 'Mein Kalender ist derzeit ausgebucht, und ich möchte jedem Projekt die Sorgfalt geben, die es verdient.',
      goals: 'Das liegt außerhalb meines Schwerpunkts, denn ich übernehme nur Aufträge, die ich in bester Qualität liefern kann.',
      timeline: 'Der Zeitrahmen ist zu eng, um das sorgfältig umzusetzen, und das Ergebnis soll Bestand haben.',
      skills: 'Das gehört in die Hände einer Fachkraft, damit Sie das bestmögliche Ergebnis bekommen.',
    },
    du: {
      workload: 'Mein Kalender ist derzeit ausgebucht, und ich möchte jedem Projekt die Sorgfalt geben, die es verdient.',
      goals: 'Das liegt außerhalb meines Schwerpunkts, denn ich übernehme nur Aufträge, die ich in bester Qualität liefern kann.',
      timeline: 'Der Zeitrahmen ist zu eng, um das sorgfältig umzusetzen, und das Ergebnis soll Bestand haben.',
      skills: 'Das gehört in die Hände einer Fachkraft, damit du das bestmögliche Ergebnis bekommst.',
    },
  },
};

function reasonSentence(input: ComposeInput): string {
  if (typeof input.reason === 'object') {
    const own = input.reason.text.trim().replace(/[.!]+$/, '');
    return input.lang === 'de' ? `Der Grund ist, dass ${own}.` : `The reason is that ${own}.`;
  }
  return REASONS[input.lang][input.register][input.reason];
}

const clean = (s: string) => s.trim().replace(/[.!?]+$/, '');

/** A complete reply that says no along all the seed's principles, in the chosen language and form. */
export function composeReply(input: ComposeInput): string {
  const name = input.clientName.trim();
  const request = clean(input.request);
  const offer = clean(input.offer);
  const when = clean(input.when);
  const reason = reasonSentence(input);
  if (input.lang === 'en') {
    return [
      `Hi${name ? ` ${name}` : ''},`, '',
      `Thank you for your request about ${request}. I understand how much this matters to you. ${reason} ` +
      `What I can offer instead is ${offer} by ${when}. Could you tell me what matters most to you about ${request}?`, '',
      'Best regards,', '',
    ].join('\n');
  }
  const sie = input.register === 'sie';
  return [
    `${sie ? 'Guten Tag' : 'Hallo'}${name ? ` ${name}` : ''},`, '',
    `${sie ? 'vielen Dank für Ihre Anfrage' : 'danke für deine Anfrage'} zu ${request}. ` +
    `Ich verstehe, wie wichtig ${sie ? 'Ihnen' : 'dir'} das ist. ${reason} ` +
    `Gerne biete ich ${sie ? 'Ihnen' : 'dir'} stattdessen ${offer} bis ${when} an. ` +
    `${sie ? 'Können Sie mir sagen, was Ihnen' : 'Kannst du mir sagen, was dir'} dabei am wichtigsten ist?`, '',
    sie ? 'Mit freundlichen Grüßen' : 'Viele Grüße', '',
  ].join('\n');
}
