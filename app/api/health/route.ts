import { NextResponse } from "next/server";
import { getHandle, migrationLevel } from "@/db/client";

export const dynamic = "force-dynamic";

/** Liveness and database check: 200 with the engine and the migration level, 503 if the database fails. */
export async function GET() {
  try {
    const { db, engine } = await getHandle();
    return NextResponse.json({ status: "ok", database: engine, migrations: await migrationLevel(db) }, {
      headers: { "Cache-Control": "no-store" },
    });
  } catch {
    return NextResponse.json({ status: "error" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
