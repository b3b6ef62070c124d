import { ConfigError } from "../errors/index.js";

/** What each stream record carries: the keys only, the item after, before, or both (what typed records need). */
export type StreamViewType = "NEW_AND_OLD_IMAGES" | "NEW_IMAGE" | "OLD_IMAGE" | "KEYS_ONLY";

/** The model option: a view type, or `true` for `"NEW_AND_OLD_IMAGES"`. */
export type StreamOption = StreamViewType | boolean;

const VIEW_TYPES: readonly string[] = ["NEW_AND_OLD_IMAGES", "NEW_IMAGE", "OLD_IMAGE", "KEYS_ONLY"];

/** The view type a model's `stream` option asks for, or undefined when the model has no stream. */
export function streamViewTypeOf(option: unknown, modelName: string): StreamViewType | undefined {
  if (option === undefined || option === false) return undefined;
  if (option === true) return "NEW_AND_OLD_IMAGES";
  if (typeof option === "string" && VIEW_TYPES.includes(option)) return option as StreamViewType;
  throw new ConfigError(
    `Model ${modelName}: @Model({ stream }) must be true or one of ${VIEW_TYPES.join(", ")}, not ${JSON.stringify(option) ?? String(option)}`,
  );
}
