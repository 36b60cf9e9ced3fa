/** True when the host stores multi-byte numbers least significant byte first. */
export const littleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
