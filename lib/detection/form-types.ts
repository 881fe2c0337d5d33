/** What the recording form offers (built on the server by form-options.ts, rendered by components/detection). */
export type Choice = { value: string; label: string };
export type ChoiceGroup = { label: string; choices: Choice[] };
export type SituationFormOptions = {
  services: Choice[]; sectors: ChoiceGroup[]; sites: Choice[]; neighbourhoods: ChoiceGroup[];
  benefits: ChoiceGroup[]; domains: Choice[]; actors: Choice[]; actions: Choice[]; levels: Choice[];
  formes: (Choice & { reasons: Choice[] })[]; causes: Choice[];
};
