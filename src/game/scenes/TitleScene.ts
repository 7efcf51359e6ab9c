import Phaser from 'phaser';

export class TitleScene extends Phaser.Scene {
  constructor() {
    super('title');
  }

  create(): void {
    this.add.text(640, 300, '歌かるた', { fontSize: '96px', color: '#f4ecd8' }).setOrigin(0.5);
    this.add.text(640, 400, 'utakaruta', { fontSize: '40px', color: '#f4ecd8' }).setOrigin(0.5);
  }
}
