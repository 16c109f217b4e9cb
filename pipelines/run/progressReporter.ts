export interface Progress {
  /** A stage begins: '[2/4] score: 3 weeks to score'. */
  stage(index: number, name: string, detail?: string): void;
  /** A log line of the stage (clears the bar first). */
  log(line: string): void;
  /** Advances the stage's bar; drawn only on a terminal. */
  tick(done: number, total: number, label?: string): void;
  /** Ends the bar line, if one is drawn. */
  done(): void;
}

const BAR_WIDTH = 24;

/**
 * Progress on stderr (outputs.md): a line per stage and per event always; on a terminal a bar for
 * long stages (bundles loaded, weeks scored), redrawn in place. Lines never hold a personal value.
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr, stages = 4): Progress {
  const tty = Boolean(stream.isTTY);
  let barShown = false;
  const clear = () => {
    if (barShown) stream.write("\r\x1b[2K");
    barShown = false;
  };
  return {
    stage(index, name, detail) {
      clear();
      stream.write(`[${index}/${stages}] ${name}${detail ? `: ${detail}` : ""}\n`);
    },
    log(line) {
      clear();
      stream.write(`      ${line}\n`);
    },
    tick(done, total, label) {
      if (!tty || total <= 0) return;
      const filled = Math.round((BAR_WIDTH * Math.min(done, total)) / total);
      stream.write(`\r\x1b[2K      [${"#".repeat(filled)}${" ".repeat(BAR_WIDTH - filled)}] ${done}/${total}${label ? ` ${label}` : ""}`);
      barShown = true;
    },
    done() {
      if (barShown) stream.write("\n");
      barShown = false;
    },
  };
}
