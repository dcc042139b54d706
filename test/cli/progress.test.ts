// Progress goes to stderr only on a terminal, and only once the work has taken over a second.
import { progressBar, startProgress } from "../../src/cli/progress";
import type { CliIO } from "../../src/cli/io";

const io = (progress: boolean): CliIO & { written: string[] } => {
  const written: string[] = [];
  return { written, out: () => undefined, write: async () => undefined, err: (t) => written.push(t), color: false, progress };
};

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

it("stays quiet for short work", () => {
  const t = io(true);
  const p = startProgress(t);
  p.update("正在校验 1/2");
  jest.advanceTimersByTime(900);
  p.done();
  jest.advanceTimersByTime(1000);
  expect(t.written).toEqual([]);
});

it("shows the current step after a second, then clears the line", () => {
  const t = io(true);
  const p = startProgress(t);
  p.update("正在校验 1/2");
  jest.advanceTimersByTime(1001);
  p.update("正在校验 2/2");
  p.done();
  expect(t.written).toEqual(["\r\x1b[K正在校验 1/2", "\r\x1b[K正在校验 2/2", "\r\x1b[K"]);
});

it("never writes when stderr is not a terminal", () => {
  const t = io(false);
  const p = startProgress(t);
  p.update("正在校验 1/2");
  jest.advanceTimersByTime(5000);
  p.done();
  expect(t.written).toEqual([]);
});

it("can be cleared for a report and shown again on the next update", () => {
  const t = io(true);
  const p = startProgress(t);
  p.update("已完成 1/3");
  jest.advanceTimersByTime(1500);
  p.clear();
  p.update("已完成 2/3");
  p.done();
  p.update("已完成 3/3");
  expect(t.written).toEqual(["\r\x1b[K已完成 1/3", "\r\x1b[K", "\r\x1b[K已完成 2/3", "\r\x1b[K"]);
});

describe("progressBar", () => {
  it("fills in proportion to the files done", () => {
    expect(progressBar(0, 4, 8)).toBe("[░░░░░░░░] 0/4");
    expect(progressBar(1, 4, 8)).toBe("[██░░░░░░] 1/4");
    expect(progressBar(4, 4, 8)).toBe("[████████] 4/4");
  });
});
