export { toLanguage, type Language } from '../../i18n';
export { scoped, useScoped, type Scoped, type Vars } from '../../i18n/scoped';
