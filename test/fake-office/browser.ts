// Browser entry for the e2e tests: bundle this in place of the Office.js CDN script. The page
// (or the test, via addInitScript) sets window.__FAKE_OFFICE_SEED__ / __FAKE_OFFICE_OPTIONS__
// first; the host is then reachable as window.__fakeOffice for assertions.
import { installFakeOffice, type FakeOfficeOptions, type FakeWorkbookSeed } from "./index";

const g = globalThis as unknown as { __FAKE_OFFICE_SEED__?: FakeWorkbookSeed; __FAKE_OFFICE_OPTIONS__?: FakeOfficeOptions };
installFakeOffice(globalThis, g.__FAKE_OFFICE_SEED__ ?? { sheets: [{ name: "Sheet1", values: [] }] }, g.__FAKE_OFFICE_OPTIONS__ ?? {});
