import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

// V8 hands out `gc` to contexts created after --expose-gc is set, so no node flag is needed on the command line.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Live JavaScript heap after two full collections: what the process still holds, not what the allocator kept. */
export function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
