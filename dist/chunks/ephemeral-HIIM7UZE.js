import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  discardEphemeral,
  ephemeralFlow
} from "./chunk-YSKWIHZS.js";
import "./chunk-4DBN7XEY.js";
import "./chunk-RC75VXCO.js";
import "./chunk-YOE5HMND.js";
import "./chunk-X4GOFNJK.js";
import "./chunk-AS7DOC5M.js";
import "./chunk-ZXYRMQQA.js";
import "./chunk-ITV646QS.js";
import "./chunk-XSTXBMLW.js";
import "./chunk-37K7DFDN.js";
export {
  discardEphemeral,
  ephemeralFlow
};
