import { describe, expect, it } from "vitest";
import { isTimeZone } from "./zones";

describe("time zones", () => {
  it("the picker's zones and the runtime's aliases are zones, asked once or twice", () => {
    for (const zone of ["Europe/Berlin", "UTC", "Asia/Calcutta", "Etc/GMT-5", "Asia/Calcutta"])
      expect(isTimeZone(zone), zone).toBe(true);
  });

  it("made-up, empty and overlong names are not, however often asked", () => {
    for (const zone of ["Mars/Olympus_Mons", "Mars/Olympus_Mons", "", "Europe/".padEnd(65, "x")])
      expect(isTimeZone(zone), zone).toBe(false);
  });
});
