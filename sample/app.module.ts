import { Module } from "@nestjs/common";
import { ConfigModule, type ConfigType } from "@nestjs/config";
import { APP_PIPE } from "@nestjs/core";
import { EventEmitterModule } from "@nestjs/event-emitter";
import { createValidationPipe } from "./common/validation.pipe.js";
import { dynamodbConfig } from "./config/dynamodb.config.js";
import { DynamiteModule } from "./nestjs-dynamite.js";
import { NotificationsModule } from "./notifications/notifications.module.js";
import { OrdersModule } from "./orders/orders.module.js";
import { ProductsModule } from "./products/products.module.js";
import { UsersModule } from "./users/users.module.js";

/** The sample shop: users, products with stock, orders placed by a transactional checkout, and notifications fed by change streams. */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true }),
    // Dynamite hands events published in a transaction to this emitter once the transaction commits.
    EventEmitterModule.forRoot(),
    DynamiteModule.forRootAsync({
      imports: [ConfigModule.forFeature(dynamodbConfig)],
      inject: [dynamodbConfig.KEY],
      useFactory: (db: ConfigType<typeof dynamodbConfig>) => ({
        ...db,
        retryAttempts: 3,
        retryDelay: 1000,
        // 20 shoppers racing for one product conflict with each other; retrying keeps 409 for real shortages.
        transactionRetries: 8,
      }),
    }),
    UsersModule,
    ProductsModule,
    OrdersModule,
    NotificationsModule,
  ],
  // Registered as a provider (not in main.ts) so apps built by @nestjs/testing validate too.
  providers: [{ provide: APP_PIPE, useFactory: createValidationPipe }],
})
export class AppModule {}
