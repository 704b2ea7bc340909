// Every address a chart is published at: its id, and each earlier id in its block's `aliases`,
// which other sites may still embed. The routes of a chart (embed page, oEmbed, SVG, PNG) write
// the same file under each.
export const chartPaths = <T extends { id: string; data: { aliases?: string[] } }>(charts: readonly T[]) =>
  charts.flatMap((chart) =>
    [chart.id, ...(chart.data.aliases ?? [])].map((id) => ({ params: { id }, props: { chart } })),
  );
