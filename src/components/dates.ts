// Dates as readers write them. One formatter for the whole build: making an Intl formatter is
// slow enough (about 0.2 ms) to show up across thousands of pages.
const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** `2024-03-14` → `14 March 2024`. */
export const displayDate = (iso: string): string => longDate.format(new Date(`${iso}T00:00:00Z`));
