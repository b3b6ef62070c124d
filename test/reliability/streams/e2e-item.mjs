// The model of the streams e2e, in plain JavaScript (decorators applied by hand) for the child process.
import { Attribute, DeleteAt, Model, PrimaryKey, Table } from "../../../dist/lib/index.js";

export class E2eItem extends Table {}
PrimaryKey()(E2eItem.prototype, "sku");
Attribute()(E2eItem.prototype, "stock");
DeleteAt()(E2eItem.prototype, "deletedAt");
Model({ stream: "NEW_AND_OLD_IMAGES" })(E2eItem);
