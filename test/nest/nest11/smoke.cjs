// A CommonJS Nest 11 app: require()s the built ESM package (Node's require(esm)), boots forRoot +
// forFeature against DynamoDB Local, writes and reads one row, prints what it saw as JSON.
require("reflect-metadata");
const { Module } = require("@nestjs/common");
const { NestFactory } = require("@nestjs/core");
const { Attribute, Dynamite, DynamiteModule, PrimaryKey, Table, getTableToken } = require("nestjs-dynamite");

class Note extends Table {}
PrimaryKey({ type: String })(Note.prototype, "id");
Attribute()(Note.prototype, "text");

const connection = {
  endpoint: process.env.DYNAMITE_TEST_ENDPOINT,
  region: "us-east-1",
  credentials: { accessKeyId: `nest11${Date.now()}`, secretAccessKey: "local" },
  retryAttempts: 0,
};

class AppModule {}
Module({ imports: [DynamiteModule.forRoot(connection), DynamiteModule.forFeature([Note])] })(AppModule);

async function main() {
  const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
  const notes = app.get(getTableToken(Note));
  await notes.create({ id: "n1", text: "hello from Nest 11" });
  const row = await notes.first({ id: "n1" });
  const dynamite = app.get(Dynamite);
  const ready = dynamite.isReady();
  await app.close();
  const nest = require("@nestjs/core/package.json").version;
  console.log(JSON.stringify({ nest, row: row && row.toJSON(), ready, readyAfterClose: dynamite.isReady() }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
