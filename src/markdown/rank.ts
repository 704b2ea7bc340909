// Where one place stands among all of them, in words that read correctly for every place: the
// highest, the 12th highest, joint 3rd lowest, the higher of the two, and a missing or suppressed
// figure said as such (never ranked, never printed as 0). Pure: `:rank` (remark-place.ts) prints it.

/** A place's standing on one column: undefined value means the place has no figure. */
export interface RankInput {
  /** The place's own figure, or undefined/null when none was published. */
  value: number | null | undefined;
  /** Every place's figure (the place's own included); missing ones are left out of the count. */
  values: readonly (number | null | undefined)[];
}

export interface Rank {
  /** 1 for the highest; places with the same figure share a rank. */
  fromTop: number;
  /** 1 for the lowest. */
  fromBottom: number;
  /** Places with a figure. */
  of: number;
  /** Other places with exactly the same figure. */
  tiedWith: number;
}

/** The place's rank, or undefined when it has no figure. */
export function rankOf(input: RankInput): Rank | undefined {
  const { value } = input;
  if (value === null || value === undefined || Number.isNaN(value)) return undefined;
  const known = input.values.filter((v): v is number => typeof v === "number" && !Number.isNaN(v));
  return {
    fromTop: 1 + known.filter((v) => v > value).length,
    fromBottom: 1 + known.filter((v) => v < value).length,
    of: known.length,
    tiedWith: known.filter((v) => v === value).length - 1,
  };
}

/** `1` → `1st`, `12` → `12th`, `22` → `22nd`. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" }[n % 10] ?? "th");
  return `${n}${suffix}`;
}

/**
 * The standing as a phrase that follows "was": `the 12th highest of 152 councils`, `the highest of
 * 152`, `joint 3rd lowest of 152`, `the higher of the two`. Counted from whichever end is nearer,
 * so the 150th of 152 is `the 3rd lowest`. `among` names the places (`councils`), optionally.
 */
export function rankPhrase(rank: Rank, among = ""): string {
  const of = `of ${rank.of}${among ? ` ${among}` : ""}`;
  if (rank.of === 1) return `the only one${among ? ` of the ${among}` : ""} with a figure`;
  if (rank.tiedWith === rank.of - 1)
    return rank.of === 2
      ? `the same for both${among ? ` ${among}` : ""}`
      : `the same for all ${rank.of}${among ? ` ${among}` : ""}`;
  if (rank.of === 2) return rank.fromTop === 1 ? "the higher of the two" : "the lower of the two";
  const joint = rank.tiedWith > 0;
  const top = rank.fromTop <= rank.fromBottom;
  const position = top ? rank.fromTop : rank.fromBottom;
  const end = top ? "highest" : "lowest";
  if (position === 1) return `${joint ? "joint" : "the"} ${end} ${of}`;
  return `${joint ? "joint" : "the"} ${ordinal(position)} ${end} ${of}`;
}

export interface RankSentenceInput extends RankInput {
  /** The place's name, as the dataset writes it. */
  place: string;
  /** What is ranked, in lower case: `vacancy rate`. */
  label: string;
  /** The place's figure as printed (`32.4%`), when it has one. */
  printed?: string;
  /** What the places are (`councils`), for `of 152 councils`. */
  among?: string;
}

/**
 * A whole sentence: `The vacancy rate in Leeds was 25.0%, the 12th highest of 152 councils.` or,
 * without a figure, `No figure for the vacancy rate in Leeds was published, so it is not ranked
 * among the 148 councils that have one.`
 */
export function rankSentence(input: RankSentenceInput): string {
  const rank = rankOf(input);
  const subject = `the ${input.label} in ${input.place}`;
  if (!rank) {
    const known = input.values.filter((v) => typeof v === "number" && !Number.isNaN(v)).length;
    const others =
      known === 1
        ? `the one ${input.among || "place"} that has one`
        : `the ${known} ${input.among || "places"} that have one`;
    return `No figure for ${subject} was published, so it is not ranked${known ? ` among ${others}` : ""}.`;
  }
  return `${capitalise(subject)} was ${input.printed ?? ""}, ${rankPhrase(rank, input.among)}.`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
