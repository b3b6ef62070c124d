/**
 * The layers of lib/core, enforced by `npm run lint` (dependency-cruiser). A folder may import
 * (at runtime) only the folders of the layers below it; ARCHITECTURE.md draws the same picture.
 */
const layers = [
  ["support", "errors"],
  ["metadata", "expression"],
  ["decorators", "item", "telemetry"],
  ["instance", "engine"],
  ["read", "schema"],
  ["write", "stream"],
  ["transaction"],
];
const folder = (name) => `^lib/core/${name}/`;
const below = (rank) => layers.slice(0, rank).flat();
const sameRank = (rank, name) => layers[rank].filter((other) => other !== name);

/** One rule per folder: no value import of a folder in its own layer or any layer above. */
const layerRules = layers.flatMap((names, rank) =>
  names.map((name) => ({
    name: `layer-${name}`,
    comment: `lib/core/${name} may import only ${below(rank).join(", ") || "nothing of lib/core"} (value imports)`,
    severity: "error",
    from: { path: folder(name) },
    to: {
      path: "^lib/core/",
      pathNot: [folder(name), ...below(rank).map(folder)],
      dependencyTypesNot: ["type-only"],
    },
  })),
);

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: "no-folder-cycle",
      comment: "Folders of lib/core form layers: no cycle between folders, type imports included.",
      severity: "error",
      scope: "folder",
      from: { path: "^lib/core/" },
      to: { circular: true },
    },
    {
      name: "no-file-cycle",
      comment: "No file of lib may reach itself through its imports.",
      severity: "error",
      from: { path: "^lib/" },
      to: { circular: true },
    },
    {
      name: "core-never-imports-nest",
      comment: "lib/core knows nothing of NestJS or of lib/nest.",
      severity: "error",
      from: { path: "^lib/core/" },
      to: { path: ["^lib/nest/", "(^|/)@nestjs/"] },
    },
    {
      name: "nest-imports-core-index-only",
      comment: "lib/nest uses the core through its public entry only.",
      severity: "error",
      from: { path: "^lib/nest/" },
      to: { path: "^lib/core/", pathNot: "^lib/core/index\\.ts$" },
    },
    {
      name: "entry-points-on-top",
      comment: "Nothing inside lib/core imports the entry points (Dynamite, Table) or the public index.",
      severity: "error",
      from: { path: "^lib/core/[^/]+/" },
      to: { path: "^lib/core/[^/]+\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.build.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js"], exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
