// Runs the sample against DYNAMODB_ENDPOINT (or AWS). `npm start` (scripts/start-sample.mjs) builds
// it, starts an embedded DynamoDB Local when no endpoint is given, and then calls startSampleApp.
import { samplePort, startSampleApp } from "./bootstrap.js";

const app = await startSampleApp(samplePort());
app.enableShutdownHooks();
console.log(`Sample app listening on http://localhost:${app.getHttpServer().address().port}`);
