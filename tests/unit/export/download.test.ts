// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadBlob, downloadText, exportFileName, REVOKE_AFTER_MS } from '../../../src/export/download';

describe('downloads', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('names files bruggen-<dataset>-<what>.<ext>', () => {
    expect(exportFileName('den-haag', 'organisations', 'csv')).toBe('bruggen-den-haag-organisations.csv');
    expect(exportFileName('Zorg Coöperatie 2024', 'map hires', '.png')).toBe('bruggen-zorg-cooperatie-2024-map-hires.png');
    expect(exportFileName('', 'network', 'gexf')).toBe('bruggen-dataset-network.gexf');
  });

  it('clicks a temporary <a download> with an object URL, removes it and revokes the URL afterwards', async () => {
    vi.useFakeTimers();
    const created: Blob[] = [];
    const create = vi.fn((b: Blob) => {
      created.push(b);
      return 'blob:test/1';
    });
    const revoke = vi.fn();
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
    const clicks: { href: string; download: string; attached: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download, attached: document.body.contains(this) });
    });

    downloadText('a,b\n1,2\n', 'bruggen-x-ties.csv', 'text/csv');
    expect(clicks).toEqual([{ href: 'blob:test/1', download: 'bruggen-x-ties.csv', attached: true }]);
    expect(document.querySelectorAll('a').length).toBe(0);
    expect(created[0]!.type).toBe('text/csv;charset=utf-8');
    expect(await created[0]!.text()).toBe('a,b\n1,2\n');
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(REVOKE_AFTER_MS);
    expect(revoke).toHaveBeenCalledWith('blob:test/1');

    downloadBlob(new Blob(['x'], { type: 'image/png' }), 'a.png');
    expect(created[1]!.type).toBe('image/png');
    downloadText('<gexf/>', 'a.gexf', 'application/gexf+xml');
    expect(created[2]!.type).toBe('application/gexf+xml;charset=utf-8');
  });
});
