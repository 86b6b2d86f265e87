// Shrinks a photo in the browser before upload (ADR 0012): longest side at most 1600 px, JPEG at quality
// 0.85. Drawing onto a canvas and encoding again also drops EXIF (time, GPS, phone model). The server
// re-encodes it once more.

export const MAX_SIDE = 1600
export const QUALITY = 0.85

/** Target size keeping the aspect ratio; never enlarges. */
export function fitWithin(width: number, height: number, max = MAX_SIDE): [number, number] {
  const longest = Math.max(width, height)
  if (longest <= max) return [width, height]
  const scale = max / longest
  return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))]
}

async function decode(
  file: Blob,
): Promise<{ source: CanvasImageSource; width: number; height: number; close: () => void }> {
  if (typeof createImageBitmap === 'function') {
    try {
      // 'from-image' applies the EXIF orientation, so a portrait photo stays upright without EXIF.
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
      return {
        source: bitmap,
        width: bitmap.width,
        height: bitmap.height,
        close: () => bitmap.close(),
      }
    } catch {
      // Older WebViews: fall back to an <img>.
    }
  }
  const url = URL.createObjectURL(file)
  try {
    const img = new Image()
    img.decoding = 'async'
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve()
      img.onerror = () => reject(new Error('unreadable image'))
      img.src = url
    })
    return { source: img, width: img.naturalWidth, height: img.naturalHeight, close: () => {} }
  } finally {
    URL.revokeObjectURL(url)
  }
}

/** The photo as a new JPEG blob (rejects when the phone's browser cannot decode it, e.g. some HEIC). */
export async function shrinkImage(file: Blob): Promise<Blob> {
  const image = await decode(file)
  try {
    const [width, height] = fitWithin(image.width, image.height)
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('no canvas')
    ctx.fillStyle = '#fff' // transparent PNGs become white, not black
    ctx.fillRect(0, 0, width, height)
    ctx.drawImage(image.source, 0, 0, width, height)
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('encode failed'))),
        'image/jpeg',
        QUALITY,
      ),
    )
  } finally {
    image.close()
  }
}
