/**
 * Python's `posixpath.normpath`, which MLflow uses to refuse names that a file store would
 * resolve to another name (`a/../b`, `./a`, `a//b`, `a/`): collapses repeated and `.` segments,
 * resolves `..` where it can, drops a trailing `/`, keeps exactly two leading slashes.
 */
export function posixNormpath(path: string): string {
  if (path === '') return '.';
  const leading = path.startsWith('//') && !path.startsWith('///') ? 2 : path.startsWith('/') ? 1 : 0;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    const canPop = parts.length > 0 && parts[parts.length - 1] !== '..';
    if (part === '..' && canPop) parts.pop();
    else if (part !== '..' || leading === 0) parts.push(part);
  }
  return '/'.repeat(leading) + parts.join('/') || '.';
}
