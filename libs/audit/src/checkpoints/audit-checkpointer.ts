import { NoteSigner, ScopeHeadsTree, signCheckpoint } from '@app/integrity';
import { AuditLog, StoredCheckpoint } from '@app/event-store';

/**
 * Signs a checkpoint of the log as it stands: tree size, root, time and the scope-heads
 * commitment, in a C2SP signed note; stores it with the heads that moved since the previous
 * one (what later exports prove heads with). Nothing new since the last one: no checkpoint.
 */
export class AuditCheckpointer {
  constructor(
    private readonly log: AuditLog,
    private readonly signer: NoteSigner,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async checkpoint(): Promise<StoredCheckpoint | undefined> {
    const state = await this.log.state();
    const last = await this.log.latestCheckpoint();
    if (state.size === 0 || (last && last.treeSize >= state.size)) return undefined;
    const rootHash = await (await this.log.merkle()).rootAt(state.size);
    const heads = new ScopeHeadsTree(state.heads);
    const iso = this.now().toISOString();
    const time = last && last.time > iso ? last.time : iso;
    const note = signCheckpoint(
      { origin: this.signer.name, size: state.size, rootHash, time, scopeHeads: heads.commitment() },
      [this.signer],
    );
    const changed = state.heads.filter((h) => h.lastIndex >= (last?.treeSize ?? 0));
    const checkpoint = { treeSize: state.size, time, note };
    await this.log.addCheckpoint(checkpoint, changed, this.signer.verifierKey);
    return checkpoint;
  }
}
