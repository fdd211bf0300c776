/** A user-visible message: an i18n key and its parameters, translated where it is shown. */
export interface Msg {
  key: string;
  params?: Record<string, string | number>;
}
