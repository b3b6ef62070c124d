import { Injectable, Module, type INestApplication } from "@nestjs/common";
import { EventEmitterModule, OnEvent } from "@nestjs/event-emitter";
import {
  Attribute,
  DeleteAt,
  DynamiteModule,
  DynamiteStreamModule,
  Model,
  OnTableChange,
  PrimaryKey,
  Table,
  type ChangeRecord,
  type DynamiteStreamModuleOptions,
} from "../../../lib/index.js";
import type { testClientConfig } from "../../helpers/test-dynamite.js";
import { bootApp } from "../src/boot.js";

@Model({ stream: "NEW_AND_OLD_IMAGES" })
export class StockItem extends Table<StockItem> {
  @PrimaryKey() declare sku: string;
  @Attribute() declare stock: number;
  @DeleteAt() declare deletedAt?: string;
}

/** What the handlers saw, shared by the apps a test starts one after the other. */
export const seen = { all: [] as string[], modifies: [] as string[], trashed: [] as string[], events: [] as string[] };

export const label = (change: ChangeRecord<StockItem>) => `${change.key.sku}:${change.type}:${change.newImage?.stock ?? "-"}`;

@Injectable()
export class StockWatcher {
  @OnTableChange(StockItem)
  onAny(change: ChangeRecord<StockItem>) {
    seen.all.push(label(change));
  }

  @OnTableChange(StockItem, { events: ["modify"] })
  onModify(change: ChangeRecord<StockItem>) {
    seen.modifies.push(`${change.key.sku}:${change.changed.join(",")}`);
  }

  @OnTableChange(StockItem, { events: ["softDelete", "remove"] })
  onGone(change: ChangeRecord<StockItem>) {
    seen.trashed.push(`${change.key.sku}:${change.softDeleted ? "soft" : "hard"}`);
  }

  @OnEvent("stock.reserved", { suppressErrors: false })
  onReserved(payload: { sku: string; reservation: string }) {
    seen.events.push(`${payload.sku}:${payload.reservation}`);
  }
}

@Module({ providers: [StockWatcher] })
export class StockModule {}

/** Boots an app on `connection` with the stock watcher and `DynamiteStreamModule.forRoot(streams)`; records it in `apps`. */
export async function startStreamApp(
  apps: INestApplication[],
  connection: ReturnType<typeof testClientConfig>,
  streams: DynamiteStreamModuleOptions,
): Promise<INestApplication> {
  const app = await bootApp([
    DynamiteModule.forRoot({ ...connection, retryAttempts: 0 }),
    DynamiteModule.forFeature([StockItem]),
    EventEmitterModule.forRoot(),
    DynamiteStreamModule.forRoot(streams),
    StockModule,
  ]);
  apps.push(app);
  return app;
}
